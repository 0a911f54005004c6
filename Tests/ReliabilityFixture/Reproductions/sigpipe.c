/* libvirt 9.0: a client whose daemon dies is killed by SIGPIPE on its next call, unless it
 * ignores SIGPIPE itself (libvirt writes to the socket with write(2), not send(MSG_NOSIGNAL)).
 * The bindings' runtime therefore ignores SIGPIPE when the program left it at its default.
 *
 *   gcc sigpipe.c -o sigpipe $(pkg-config --cflags --libs libvirt)
 *   ./sigpipe 'test+unix:///default?socket=FOLDER/libvirt-sock' DAEMON_PID           # exit 141
 *   ./sigpipe 'test+unix:///default?socket=FOLDER/libvirt-sock' DAEMON_PID ignore    # exit 0
 *
 * with DAEMON_PID a private libvirtd (libvirtd -f CONF -p PIDFILE, unix_sock_dir = FOLDER,
 * LIBVIRT_DRIVER_DIR an empty folder), which the program kills with SIGKILL. */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void quiet(void *opaque, virErrorPtr error) { (void)opaque; (void)error; }

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    if (argc > 3 && strcmp(argv[3], "ignore") == 0) signal(SIGPIPE, SIG_IGN);
    virSetErrorFunc(NULL, quiet);
    virConnectPtr conn = virConnectOpen(argv[1]);
    if (!conn) return 2;
    kill(atoi(argv[2]), SIGKILL);
    sleep(1);
    int n = virConnectNumOfDomains(conn);  /* dies here with SIGPIPE by default */
    virErrorPtr error = virGetLastError();
    printf("after the kill: %d (%s)\n", n, error ? error->message : "no error");
    virConnectClose(conn);
    return 0;
}
