/*
 * libvirt.h: a miniature of libvirt's main header, for the header frontend's tests
 */

#ifndef LIBVIRT_H
# define LIBVIRT_H

# include <sys/types.h>

# define __VIR_LIBVIRT_H_INCLUDES__

/**
 * LIBVIR_VERSION_NUMBER:
 *
 * The version as a number.
 *
 * Since: 0.0.1
 */
# define LIBVIR_VERSION_NUMBER 9000000

/**
 * LIBVIR_CHECK_VERSION:
 * @major: major component
 * @minor: minor component
 * @micro: micro component
 *
 * Whether the headers are at least this version.
 *
 * Since: 1.2.0
 */
# define LIBVIR_CHECK_VERSION(major, minor, micro) \
    ((major) * 1000000 + (minor) * 1000 + (micro) <= LIBVIR_VERSION_NUMBER)

/**
 * virConnect:
 *
 * A connection.
 *
 * Since: 0.0.1
 */
typedef struct _virConnect virConnect;

/**
 * virConnectPtr:
 *
 * A pointer to a connection.
 *
 * Since: 0.0.1
 */
typedef virConnect *virConnectPtr;

# include <libvirt/libvirt-domain.h>

# undef __VIR_LIBVIRT_H_INCLUDES__

#endif /* LIBVIRT_H */
