// The harness's call recorder as `swift test` links it: the shared scenarios
// (Templates/harness/runner) call the recorder's functions to say which failures they expect and
// which calls only probe; under `swift test` nothing is counted, and no C function is named as
// the last to fail (a scenario's failure message then says "a libvirt call").
#include "CExercise.h"
#include <stddef.h>

void hx_set_mode(int mode) { (void)mode; }

void hx_expect(int code) { (void)code; }

const char *hx_last_failure(void) { return NULL; }

void hx_clear_failure(void) {}

void hx_enter(int index) { (void)index; }

void hx_leave(int index) { (void)index; }
