// libvirt's public headers, for the CLibvirtSystem module.
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
