/* libvirt 9.0: when a driver's last event callback is deregistered while another thread queues
 * events, that driver can stop delivering events for good (the bindings' concurrency check hangs
 * without a callback kept registered; Tests/LibvirtBindingTests/EventTests.swift meets it too).
 *
 *   gcc lost-events.c -o lost-events $(pkg-config --cflags --libs libvirt) -lpthread
 *   echo '<node></node>' > /tmp/node.xml && ./lost-events /tmp/node.xml
 *
 * One thread defines and undefines a domain without pause; the main thread registers a lifecycle
 * callback, waits for one event, deregisters, and starts over. Measured here: after 80 to 1,030
 * rounds a round gets no event within 5 s while the other thread defines and undefines ~65,000
 * domains (exit 1). With a second callback (for reboot events) registered before the loop and
 * kept, all 2,000 rounds deliver (2.6 s). */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static virConnectPtr conn;
static atomic_int received;
static atomic_long defined;

static void *run_event_loop(void *unused) { (void)unused; for (;;) virEventRunDefaultImpl(); return NULL; }

static void *define_and_undefine(void *unused) {
    (void)unused;
    const char *xml = "<domain type='test'><name>busy</name><memory>8192</memory><vcpu>1</vcpu>"
                      "<os><type>hvm</type></os></domain>";
    for (;;) {
        virDomainPtr dom = virDomainDefineXML(conn, xml);
        if (dom) { virDomainUndefine(dom); virDomainFree(dom); atomic_fetch_add(&defined, 1); }
    }
    return NULL;
}

static int lifecycle(virConnectPtr c, virDomainPtr d, int event, int detail, void *opaque) {
    (void)c; (void)d; (void)event; (void)detail; (void)opaque;
    atomic_fetch_add(&received, 1);
    return 0;
}

static void quiet(void *opaque, virErrorPtr error) { (void)opaque; (void)error; }

int main(int argc, char **argv) {
    char uri[512];
    pthread_t loop, churn;
    virSetErrorFunc(NULL, quiet);
    virEventRegisterDefaultImpl();
    pthread_create(&loop, NULL, run_event_loop, NULL);
    snprintf(uri, sizeof uri, "test://%s", argc > 1 ? argv[1] : "/tmp/node.xml");
    if (!(conn = virConnectOpen(uri))) { printf("cannot open %s\n", uri); return 2; }
    pthread_create(&churn, NULL, define_and_undefine, NULL);
    for (int round = 0; round < 2000; round++) {
        int id = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                  VIR_DOMAIN_EVENT_CALLBACK(lifecycle), NULL, NULL);
        int before = atomic_load(&received);
        long defines = atomic_load(&defined);
        for (int i = 0; i < 5000 && atomic_load(&received) == before; i++) usleep(1000);
        if (atomic_load(&received) == before) {
            printf("round %d: no event within 5 s, while the other thread defined and undefined %ld domains\n",
                   round, atomic_load(&defined) - defines);
            return 1;
        }
        virConnectDomainEventDeregisterAny(conn, id);
    }
    printf("2000 rounds, every round delivered\n");
    return 0;
}
