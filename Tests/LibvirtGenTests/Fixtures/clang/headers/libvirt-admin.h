/*
 * libvirt-admin.h: the admin API, for the header frontend's tests
 */

#ifndef LIBVIRT_ADMIN_H
# define LIBVIRT_ADMIN_H

/**
 * virAdmConnect:
 *
 * An admin connection.
 *
 * Since: 1.2.17
 */
typedef struct _virAdmConnect virAdmConnect;

/**
 * virAdmConnectPtr:
 *
 * A pointer to an admin connection.
 *
 * Since: 1.2.17
 */
typedef virAdmConnect *virAdmConnectPtr;

virAdmConnectPtr virAdmConnectOpen(const char *name, unsigned int flags);

#endif /* LIBVIRT_ADMIN_H */
