/*
 * libvirt-lxc.h: LXC-specific APIs, for the header frontend's tests
 */

#ifndef LIBVIRT_LXC_H
# define LIBVIRT_LXC_H

# include <libvirt/libvirt.h>

int virDomainLxcEnterCGroup(virDomainPtr domain, unsigned int flags);

#endif /* LIBVIRT_LXC_H */
