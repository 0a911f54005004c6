/* C baselines for the call, event and stream benchmarks (same iteration counts as CallBench).
 * Build: gcc -O2 -o bench bench.c $(pkg-config --cflags --libs libvirt) -lpthread
 * Usage: bench calls DEFAULT_URI NODE1_URI NODE100_URI NODE1000_URI
 *        bench events URI PAIRS REPEATS
 *        bench stream URI SHOTS REPEATS
 *        bench loop info|lookup|sched|list URI ITERATIONS   (untimed loop for callgrind)
 * Prints `key<TAB>value` lines like CallBench. */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Repeats per measurement (the median is reported). */
#define REPEATS 11

/* Monotonic time in nanoseconds. */
static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Comparison for qsort of doubles. */
static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of n values (sorts them). */
static double median(double *values, int n) {
    qsort(values, n, sizeof(double), cmp_double);
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Fails loudly: benchmarks must not time error paths. */
static void die(const char *what) {
    virErrorPtr err = virGetLastError();
    fprintf(stderr, "%s failed: %s\n", what, err && err->message ? err->message : "?");
    exit(1);
}

/* Keeps a value opaque to the optimizer. */
static volatile uintptr_t sink;

/* One benchmark body: runs once per iteration with its context. */
typedef void (*body_fn)(void *ctx);

/* Median nanoseconds per iteration over REPEATS repeats after one warm-up. */
static double measure(int iterations, body_fn body, void *ctx) {
    double samples[REPEATS];
    for (int round = 0; round <= REPEATS; round++) {
        double start = now_ns();
        for (int i = 0; i < iterations; i++) body(ctx);
        if (round > 0) samples[round - 1] = (now_ns() - start) / iterations;
    }
    return median(samples, REPEATS);
}

/* virDomainGetInfo into a struct (what domain.info() wraps). */
static void body_info(void *ctx) {
    virDomainInfo info;
    if (virDomainGetInfo((virDomainPtr)ctx, &info) < 0) die("virDomainGetInfo");
    sink = info.memory;
}

/* virDomainLookupByName, then free the handle (what connection.domain(named:) and its deinit do). */
static void body_lookup(void *ctx) {
    virDomainPtr dom = virDomainLookupByName((virConnectPtr)ctx, "test");
    if (!dom) die("virDomainLookupByName");
    sink = (uintptr_t)dom;
    virDomainFree(dom);
}

/* The documented typed-parameter getter pattern: ask the count, allocate, get, read, free. */
static void body_sched(void *ctx) {
    virDomainPtr dom = ctx;
    int nparams = 0;
    char *type = virDomainGetSchedulerType(dom, &nparams);
    if (!type) die("virDomainGetSchedulerType");
    free(type);
    virTypedParameterPtr params = calloc(nparams, sizeof(*params));
    if (virDomainGetSchedulerParameters(dom, params, &nparams) < 0) die("virDomainGetSchedulerParameters");
    sink = (uintptr_t)params[0].value.ul;
    virTypedParamsClear(params, nparams);
    free(params);
}

/* List all domains, read each name, free each handle and the array. */
static void body_list(void *ctx) {
    virDomainPtr *domains = NULL;
    int n = virConnectListAllDomains((virConnectPtr)ctx, &domains, 0);
    if (n < 0) die("virConnectListAllDomains");
    for (int i = 0; i < n; i++) {
        const char *name = virDomainGetName(domains[i]);
        sink = strlen(name);
        virDomainFree(domains[i]);
    }
    free(domains);
}

/* A worker thread that runs one call at a time for another thread, handed over and back under a
 * mutex and a condition: the least a thread pool does, the C counterpart of `try await`. */
static struct {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    virDomainPtr dom;   /* the domain of the call asked for; NULL when none is pending */
    int done;           /* whether the asked call returned */
} handoff = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0};

/* The worker: waits for a call, runs body_info, reports it done; forever. */
static void *handoff_worker(void *arg) {
    (void)arg;
    pthread_mutex_lock(&handoff.lock);
    for (;;) {
        while (!handoff.dom) pthread_cond_wait(&handoff.changed, &handoff.lock);
        virDomainPtr dom = handoff.dom;
        pthread_mutex_unlock(&handoff.lock);
        body_info(dom);
        pthread_mutex_lock(&handoff.lock);
        handoff.dom = NULL;
        handoff.done = 1;
        pthread_cond_broadcast(&handoff.changed);
    }
    return NULL;
}

/* virDomainGetInfo on the worker thread, waiting for it. */
static void body_info_handoff(void *ctx) {
    pthread_mutex_lock(&handoff.lock);
    handoff.dom = ctx;
    handoff.done = 0;
    pthread_cond_broadcast(&handoff.changed);
    while (!handoff.done) pthread_cond_wait(&handoff.changed, &handoff.lock);
    pthread_mutex_unlock(&handoff.lock);
}

/* Per-call benchmarks. */
static void run_calls(char **argv) {
    virConnectPtr conn = virConnectOpen(argv[0]);
    if (!conn) die("virConnectOpen");
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    if (!dom) die("virDomainLookupByName");
    printf("info_ns\t%f\n", measure(20000, body_info, dom));
    pthread_t worker;
    if (pthread_create(&worker, NULL, handoff_worker, NULL) != 0) die("pthread_create");
    printf("info_handoff_ns\t%f\n", measure(20000, body_info_handoff, dom));
    printf("lookup_ns\t%f\n", measure(20000, body_lookup, conn));
    printf("sched_ns\t%f\n", measure(20000, body_sched, dom));
    int counts[3] = {1, 100, 1000}, iterations[3] = {20000, 300, 30};
    for (int i = 0; i < 3; i++) {
        virConnectPtr node = virConnectOpen(argv[1 + i]);
        if (!node) die("virConnectOpen node");
        printf("list%d_ns\t%f\n", counts[i], measure(iterations[i], body_list, node));
        virConnectClose(node);
    }
    virDomainFree(dom);
    virConnectClose(conn);
}

/* Events received by the callback. */
static atomic_int received;
/* Tells the event-loop thread to stop. */
static atomic_int stop_loop;
/* Time the last awaited event arrived. */
static double last_event_ns;
/* Events awaited in the current repeat. */
static int expected_events;

/* Lifecycle callback: counts and notes the time of the last awaited event. */
static int on_lifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque) {
    (void)conn; (void)dom; (void)event; (void)detail; (void)opaque;
    if (atomic_fetch_add(&received, 1) + 1 == expected_events) last_event_ns = now_ns();
    return 0;
}

/* Runs libvirt's default event loop until told to stop. */
static void *event_loop(void *arg) {
    (void)arg;
    while (!atomic_load(&stop_loop)) virEventRunDefaultImpl();
    return NULL;
}

/* Timer callback that only wakes the event loop. */
static void wake(int timer, void *opaque) { (void)opaque; virEventRemoveTimeout(timer); }

/* Lifecycle events per second from suspend/resume pairs, with a callback on an event-loop thread. */
static void run_events(char **argv) {
    int pairs = atoi(argv[1]), rounds = atoi(argv[2]);
    if (virEventRegisterDefaultImpl() < 0) die("virEventRegisterDefaultImpl");
    pthread_t loop;
    pthread_create(&loop, NULL, event_loop, NULL);
    virConnectPtr conn = virConnectOpen(argv[0]);
    if (!conn) die("virConnectOpen");
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    if (!dom) die("virDomainLookupByName");
    double rates[64];
    int lost = 0;
    expected_events = 2 * pairs;
    for (int r = 0; r < rounds; r++) {
        atomic_store(&received, 0);
        int id = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                  VIR_DOMAIN_EVENT_CALLBACK(on_lifecycle), NULL, NULL);
        if (id < 0) die("virConnectDomainEventRegisterAny");
        double start = now_ns();
        for (int i = 0; i < pairs; i++) {
            if (virDomainSuspend(dom) < 0) die("virDomainSuspend");
            if (virDomainResume(dom) < 0) die("virDomainResume");
        }
        double deadline = now_ns() + 20e9;
        while (atomic_load(&received) < expected_events && now_ns() < deadline) usleep(50);
        int got = atomic_load(&received);
        double end = got >= expected_events ? last_event_ns : now_ns();
        lost += expected_events - (got > expected_events ? expected_events : got);
        rates[r] = got / ((end - start) / 1e9);
        virConnectDomainEventDeregisterAny(conn, id);
    }
    printf("events_per_s\t%f\nevents_lost\t%d\n", median(rates, rounds), lost);
    atomic_store(&stop_loop, 1);
    fflush(stdout);
    virEventAddTimeout(0, wake, NULL, NULL); /* wake the loop so it sees stop_loop */
    pthread_join(loop, NULL);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* Screenshot bytes per second with blocking virStreamRecv. */
static void run_stream(char **argv) {
    int shots = atoi(argv[1]), rounds = atoi(argv[2]);
    virConnectPtr conn = virConnectOpen(argv[0]);
    if (!conn) die("virConnectOpen");
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    if (!dom) die("virDomainLookupByName");
    static char buffer[65536];
    double rates[64];
    long size = 0;
    for (int r = 0; r <= rounds; r++) {
        long total = 0;
        double start = now_ns();
        for (int s = 0; s < shots; s++) {
            virStreamPtr st = virStreamNew(conn, 0);
            char *mime = virDomainScreenshot(dom, st, 0, 0);
            if (!mime) die("virDomainScreenshot");
            free(mime);
            int n;
            while ((n = virStreamRecv(st, buffer, sizeof buffer)) > 0) total += n;
            if (n < 0) die("virStreamRecv");
            if (virStreamFinish(st) < 0) die("virStreamFinish");
            virStreamFree(st);
        }
        size = total / shots;
        if (r > 0) rates[r - 1] = total / ((now_ns() - start) / 1e9);
    }
    printf("stream_bytes_per_s\t%f\nstream_bytes_per_shot\t%ld\n", median(rates, rounds), size);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* An untimed loop over one call, the counterpart of CallProfile for callgrind. */
static void run_loop(char **argv) {
    virConnectPtr conn = virConnectOpen(argv[1]);
    if (!conn) die("virConnectOpen");
    int iterations = atoi(argv[2]);
    virDomainPtr dom = strcmp(argv[0], "list") ? virDomainLookupByName(conn, "test") : NULL;
    body_fn body = !strcmp(argv[0], "info") ? body_info : !strcmp(argv[0], "sched") ? body_sched : NULL;
    for (int i = 0; i < iterations; i++) {
        if (body) body(dom);
        else if (!strcmp(argv[0], "lookup")) body_lookup(conn);
        else body_list(conn);
    }
    if (dom) virDomainFree(dom);
    virConnectClose(conn);
}

/* Silences libvirt's default error printing (the bindings do the same). */
static void quiet(void *opaque, virErrorPtr err) { (void)opaque; (void)err; }

/* Dispatches on the mode. */
int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: bench calls|events|stream ARGS...\n"); return 2; }
    virInitialize();
    virSetErrorFunc(NULL, quiet);
    if (!strcmp(argv[1], "calls") && argc >= 6) run_calls(argv + 2);
    else if (!strcmp(argv[1], "events") && argc >= 5) run_events(argv + 2);
    else if (!strcmp(argv[1], "stream") && argc >= 5) run_stream(argv + 2);
    else if (!strcmp(argv[1], "loop") && argc >= 5) run_loop(argv + 2);
    else { fprintf(stderr, "bad arguments\n"); return 2; }
    return 0;
}
