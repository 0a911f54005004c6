/*
 * libvirt-qemu.h: QEMU-specific APIs, for the header frontend's tests
 */

#ifndef LIBVIRT_QEMU_H
# define LIBVIRT_QEMU_H

# include <libvirt/libvirt.h>

int virDomainQemuMonitorCommand(virDomainPtr domain, const char *cmd,
                                char **result, unsigned int flags);

#endif /* LIBVIRT_QEMU_H */
