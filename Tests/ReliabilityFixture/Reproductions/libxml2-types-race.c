/* libxml2 2.9.14 (Debian 12): the first RELAX NG validations of a process, made by two threads at
 * once, can fail: libxml2 fills its schema type tables on first use without a lock, so one thread
 * looks a type up while the other is still filling the table ("Unable to parse RNG
 * .../domaincheckpoint.rng: Error type 'unsignedInt' is not exported by type library"), and the
 * table filled twice leaks (LeakSanitizer: xmlHashCreate). libvirt validates in the calling process
 * for the test driver and the embedded QEMU driver, every checkpoint among others. The bindings'
 * runtime therefore calls xmlRelaxNGInitTypes once, before the first connection opens. That fills
 * the RELAX NG type libraries but not the XML Schema types they look up, which are filled on their
 * first look-up with the same race: with AddressSanitizer, 3 runs in 150 of `./race init` leaked
 * that table, 0 in 150 of `./race init both`, which calls xmlSchemaInitTypes first, as the runtime
 * now does.
 *
 *   gcc libxml2-types-race.c -o race $(pkg-config --cflags --libs libvirt) -lpthread -ldl
 *   f=0; for i in $(seq 200); do ./race 2>/dev/null || f=$((f+1)); done; echo $f       # measured: 1
 *   f=0; for i in $(seq 200); do ./race init 2>/dev/null || f=$((f+1)); done; echo $f  # 0
 *   (with -fsanitize=address and ASAN_OPTIONS=detect_leaks=1: `init` 3 in 150, `init both` 0)
 */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <pthread.h>
#include <stdio.h>
#include <dlfcn.h>
#include <stdlib.h>
#define N 4
static pthread_barrier_t barrier;
static virDomainPtr dom[N];
static int failures;
/* Creates one checkpoint of domain number `arg`, all threads at once. */
static void *run(void *arg) {
    long i = (long)arg;
    pthread_barrier_wait(&barrier);
    virDomainCheckpointPtr c = virDomainCheckpointCreateXML(dom[i], "<domaincheckpoint><name>c1</name></domaincheckpoint>", 0);
    if (!c) { __sync_fetch_and_add(&failures, 1); fprintf(stderr, "%s\n", virGetLastErrorMessage()); }
    else virDomainCheckpointFree(c);
    return NULL;
}
static void quiet(void *u, virErrorPtr e) {}
/* Makes the domains, then races their checkpoints; with an argument, fills the RELAX NG tables
 * first, with two the XML Schema types too. */
int main(int argc, char **argv) {
    virSetErrorFunc(NULL, quiet);
    virConnectPtr conn = virConnectOpen("test:///default");
    for (long i = 0; i < N; i++) {
        char xml[1024];
        snprintf(xml, sizeof xml, "<domain type='test'><name>r%ld</name><memory>1024</memory><os><type>hvm</type></os><devices><disk type='file' device='disk'><source file='/var/lib/libvirt/images/r%ld.img'/><target dev='vda' bus='virtio'/></disk></devices></domain>", i, i);
        dom[i] = virDomainCreateXML(conn, xml, 0);
        if (!dom[i]) { fprintf(stderr, "create: %s\n", virGetLastErrorMessage()); return 2; }
    }
    if (argc > 1) {
        void *h = dlopen("libxml2.so.2", RTLD_NOW | RTLD_NOLOAD);
        if (argc > 2) { void (*schema)(void) = dlsym(h, "xmlSchemaInitTypes"); schema(); }
        int (*init)(void) = dlsym(h, "xmlRelaxNGInitTypes");
        init();
    }
    pthread_barrier_init(&barrier, NULL, N);
    pthread_t t[N];
    for (long i = 0; i < N; i++) pthread_create(&t[i], NULL, run, (void *)i);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    return failures ? 1 : 0;
}
