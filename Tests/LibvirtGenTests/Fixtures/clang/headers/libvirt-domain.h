/*
 * libvirt-domain.h: domains, for the header frontend's tests
 */

#ifndef LIBVIRT_DOMAIN_H
# define LIBVIRT_DOMAIN_H

# ifndef __VIR_LIBVIRT_H_INCLUDES__
#  error "Don't include this file directly, only use libvirt/libvirt.h"
# endif

/**
 * virDomain:
 *
 * A domain.
 *
 * Since: 0.0.1
 */
typedef struct _virDomain virDomain;

/**
 * virDomainPtr:
 *
 * A pointer to a domain.
 *
 * Since: 0.0.1
 */
typedef virDomain *virDomainPtr;

/**
 * virDomainState:
 *
 * A domain's state.
 *
 * Since: 0.0.1
 */
typedef enum {
    VIR_DOMAIN_NOSTATE = 0,     /* no state (Since: 0.0.1) */
    VIR_DOMAIN_PMSUSPENDED = 7, /* the domain is suspended by guest
                                   power management (Since: 0.9.11) */

# ifdef VIR_ENUM_SENTINELS
    VIR_DOMAIN_LAST
    /*
     * NB: this enum value will increase over time.
     *
     * Since: 0.9.5
     */
# endif
} virDomainState;

/**
 * virDomainCopyFlags:
 *
 * Flags with their comments before them.
 *
 * Since: 1.2.8
 */
typedef enum {
    /* Limit the copy (Since: 1.2.8) */
    VIR_DOMAIN_COPY_SHALLOW = (1 << 0),

    /* Reuse the file (Since: 3.5.0) */
    VIR_DOMAIN_COPY_REUSE = 1 << 1,

    /* The top bit (Since: 9.0.0) */
    VIR_DOMAIN_COPY_TOP = 1U << 31,
} virDomainCopyFlags;

/**
 * VIR_DOMAIN_FIELD_LENGTH:
 *
 * The length of a field name.
 *
 * Since: 0.9.0
 */
# define VIR_DOMAIN_FIELD_LENGTH 80

/**
 * VIR_UUID_BUFLEN:
 *
 * A value in parentheses, not a function-like macro.
 *
 * Since: 0.2.0
 */
# define VIR_UUID_BUFLEN (16)

/**
 * VIR_DOMAIN_SCHED_WEIGHT:
 *
 * A typed-parameter name.
 *
 * Since: 0.9.7
 */
# define VIR_DOMAIN_SCHED_WEIGHT "weight"

/**
 * virDomainStat:
 *
 * A statistic.
 *
 * Since: 0.9.2
 */
typedef struct _virDomainStat virDomainStat;

struct _virDomainStat {
    char field[VIR_DOMAIN_FIELD_LENGTH];  /* parameter name */
    int type;   /* parameter type */
    union {
        long long int l;            /* type is LLONG */
        char *s;                    /* type is STRING */
    } value; /* parameter value */
    unsigned char **names;          /* names */
};

/**
 * virDomainStatPtr:
 *
 * A pointer to a statistic.
 *
 * Since: 0.9.2
 */
typedef virDomainStat *virDomainStatPtr;

/**
 * virDomainEventCallback:
 * @conn: the connection
 * @dom: the domain
 * @opaque: user data
 *
 * A callback.
 *
 * Returns 0.
 *
 * Since: 0.5.0
 */
typedef int (*virDomainEventCallback)(virConnectPtr conn,
                                      virDomainPtr dom,
                                      void *opaque);

int                     virDomainGetState       (virDomainPtr domain,
                                                 int *state,
                                                 unsigned int flags);
const char *            virDomainGetName        (virDomainPtr domain);
int                     virDomainStatsList      (virDomainPtr dom,
                                                 virDomainStatPtr **stats,
                                                 char ** const names,
                                                 size_t count);
int                     virDomainRecvHole       (virDomainPtr,
                                                 long long *length);

#endif /* LIBVIRT_DOMAIN_H */
