// The harness's call recorder: every bound libvirt function is linked through a wrapper
// (`ld --wrap`) that calls hx_enter/hx_leave around the real function. Counters live in a file
// the harness maps too, so they survive a crash of the runner.
#ifndef CEXERCISE_H
#define CEXERCISE_H

/// How failures of the calls that follow are counted on this thread.
enum hx_mode {
    /// A failure is unexpected unless it is .noSupport or the expected code.
    HX_MODE_CHECK = 0,
    /// Calls with placeholder arguments: a failure other than .noSupport is a rejected argument.
    HX_MODE_PROBE = 1
};

/// Sets how this thread's failures are counted.
void hx_set_mode(int mode);

/// Declares the error code this thread's next failures are expected to carry (-1 for none).
void hx_expect(int code);

/// The C function that last failed, in any thread, or NULL.
const char *hx_last_failure(void);

/// Forgets the last failure.
void hx_clear_failure(void);

/// Called by each wrapper before the real function: resets the thread's libvirt error.
void hx_enter(int index);

/// Called by each wrapper after the real function: counts the outcome from the thread's error.
void hx_leave(int index);

#endif
