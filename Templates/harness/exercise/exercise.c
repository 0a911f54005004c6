// The harness's call recorder (see include/CExercise.h). The counter file's layout is read back
// by libvirt-swiftgen (ExerciseCounters.swift): keep the two in step.
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "CExercise.h"

/// The leading fields of libvirt's virError, all the recorder reads.
typedef struct { int code; int domain; char *message; } hx_error;

/// libvirt's error functions, resolved from the loaded library itself (the copy the bindings
/// use in either link mode; libvirt-admin reports through it too).
static hx_error *(*get_error)(void);
static void (*reset_error)(void);

/// The number of wrapped functions and their names, from the generated wrappers.c.
extern const int hx_function_count;
extern const char *const hx_function_names[];

/// The counter file's header.
typedef struct {
    uint32_t magic;
    uint32_t count;
    int32_t in_flight;
    int32_t reserved[13];
} hx_header;

/// One function's counters.
typedef struct {
    uint64_t calls, ok, no_support, expected, rejected, unexpected;
    uint64_t reserved_counter;
    int32_t last_code;
    int32_t reserved;
    char last_message[176];
} hx_slot;

enum { HX_MAGIC = 0x31435848, HX_NO_SUPPORT = 3 };

static hx_header *header;
static hx_slot *slots;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static __thread int mode = HX_MODE_CHECK;
static __thread int expected_code = -1;
/// The C function that last failed in any thread: checks run one at a time, and a check's
/// `async` calls fail on the blocking pool's threads, not on the thread that describes the failure.
static const char *last_failure;

/// Maps the file named by LIBVIRT_HARNESS_COUNTERS (private memory when it is unset) and
/// resolves libvirt's error functions, initializing the library first as its own calls do.
static void hx_open(void) {
    void *libvirt = dlopen("libvirt.so.0", RTLD_NOW | RTLD_LOCAL);
    if (libvirt) {
        int (*initialize)(void) = (int (*)(void))dlsym(libvirt, "virInitialize");
        if (initialize) initialize();
        get_error = (hx_error *(*)(void))dlsym(libvirt, "virGetLastError");
        reset_error = (void (*)(void))dlsym(libvirt, "virResetLastError");
    }
    size_t size = sizeof(hx_header) + (size_t)hx_function_count * sizeof(hx_slot);
    const char *path = getenv("LIBVIRT_HARNESS_COUNTERS");
    void *memory = NULL;
    int fd = path ? open(path, O_RDWR | O_CREAT, 0600) : -1;
    if (fd >= 0 && ftruncate(fd, (off_t)size) == 0) {
        memory = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (memory == MAP_FAILED) memory = NULL;
    }
    if (fd >= 0) close(fd);
    if (!memory) memory = calloc(1, size);
    header = memory;
    header->magic = HX_MAGIC;
    header->count = (uint32_t)hx_function_count;
    header->in_flight = -1;
    slots = (hx_slot *)(header + 1);
}

void hx_set_mode(int new_mode) { mode = new_mode; }

void hx_expect(int code) { expected_code = code; }

const char *hx_last_failure(void) { return __atomic_load_n(&last_failure, __ATOMIC_SEQ_CST); }

void hx_clear_failure(void) { __atomic_store_n(&last_failure, NULL, __ATOMIC_SEQ_CST); }

void hx_enter(int index) {
    pthread_once(&once, hx_open);
    __atomic_store_n(&header->in_flight, index, __ATOMIC_SEQ_CST);
    if (reset_error) reset_error();
}

void hx_leave(int index) {
    hx_slot *slot = &slots[index];
    hx_error *error = get_error ? get_error() : NULL;
    __atomic_store_n(&header->in_flight, -1, __ATOMIC_SEQ_CST);
    __atomic_add_fetch(&slot->calls, 1, __ATOMIC_RELAXED);
    if (!error || error->code == 0) {
        __atomic_add_fetch(&slot->ok, 1, __ATOMIC_RELAXED);
        return;
    }
    __atomic_store_n(&last_failure, hx_function_names[index], __ATOMIC_SEQ_CST);
    uint64_t *counter;
    if (error->code == HX_NO_SUPPORT) counter = &slot->no_support;
    else if (error->code == expected_code) counter = &slot->expected;
    else if (mode == HX_MODE_PROBE) counter = &slot->rejected;
    else counter = &slot->unexpected;
    __atomic_add_fetch(counter, 1, __ATOMIC_RELAXED);
    if (counter == &slot->rejected || counter == &slot->unexpected) {
        slot->last_code = error->code;
        strncpy(slot->last_message, error->message ? error->message : "", sizeof slot->last_message - 1);
    }
}
