// LD_PRELOAD library for tst_offline_cli: records every socket(), connect() and send to an
// address that a program makes, in the file named by MS_NETWATCH_LOG, one line each, so
// "offline mode makes no network traffic" can be proven where ptrace (strace) is not
// allowed. It observes the real program; it changes nothing it records.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static int (*real_socket)(int, int, int);
static int (*real_connect)(int, const struct sockaddr*, socklen_t);
static ssize_t (*real_sendto)(int, const void*, size_t, int, const struct sockaddr*, socklen_t);
static ssize_t (*real_sendmsg)(int, const struct msghdr*, int);
static int (*real_sendmmsg)(int, struct mmsghdr*, unsigned int, int);

// Resolved at load, before any thread of the program exists (and on first use, should
// another library's constructor open a socket before this one ran).
__attribute__((constructor)) static void resolve(void)
{
    real_socket = (int (*)(int, int, int))dlsym(RTLD_NEXT, "socket");
    real_connect = (int (*)(int, const struct sockaddr*, socklen_t))dlsym(RTLD_NEXT, "connect");
    real_sendto = (ssize_t(*)(int, const void*, size_t, int, const struct sockaddr*,
        socklen_t))dlsym(RTLD_NEXT, "sendto");
    real_sendmsg = (ssize_t(*)(int, const struct msghdr*, int))dlsym(RTLD_NEXT, "sendmsg");
    real_sendmmsg = (int (*)(int, struct mmsghdr*, unsigned int, int))dlsym(RTLD_NEXT, "sendmmsg");
}

static void note(const char* call, int family)
{
    const char* path = getenv("MS_NETWATCH_LOG");
    if (!path)
        return;
    char line[64];
    int n;
    if (family == AF_INET)
        n = snprintf(line, sizeof line, "%s(AF_INET)\n", call);
    else if (family == AF_INET6)
        n = snprintf(line, sizeof line, "%s(AF_INET6)\n", call);
    else
        n = snprintf(line, sizeof line, "%s(family %d)\n", call, family);
    // O_APPEND: whole lines from every thread and child process.
    const int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    if (n > 0 && write(fd, line, (size_t)n) < 0) { }
    close(fd);
}

static int familyOf(const struct sockaddr* a, socklen_t len)
{
    return a && len >= (socklen_t)sizeof(a->sa_family) ? a->sa_family : -1;
}

int socket(int domain, int type, int protocol)
{
    note("socket", domain);
    if (!real_socket)
        resolve();
    return real_socket(domain, type, protocol);
}

int connect(int fd, const struct sockaddr* addr, socklen_t len)
{
    note("connect", familyOf(addr, len));
    if (!real_connect)
        resolve();
    return real_connect(fd, addr, len);
}

ssize_t sendto(
    int fd, const void* buf, size_t n, int flags, const struct sockaddr* addr, socklen_t len)
{
    if (addr)
        note("sendto", familyOf(addr, len));
    if (!real_sendto)
        resolve();
    return real_sendto(fd, buf, n, flags, addr, len);
}

ssize_t sendmsg(int fd, const struct msghdr* msg, int flags)
{
    if (msg && msg->msg_name)
        note("sendmsg", familyOf((const struct sockaddr*)msg->msg_name, msg->msg_namelen));
    if (!real_sendmsg)
        resolve();
    return real_sendmsg(fd, msg, flags);
}

int sendmmsg(int fd, struct mmsghdr* msgs, unsigned int count, int flags)
{
    for (unsigned int i = 0; msgs && i < count; ++i) {
        if (msgs[i].msg_hdr.msg_name)
            note("sendmmsg",
                familyOf(
                    (const struct sockaddr*)msgs[i].msg_hdr.msg_name, msgs[i].msg_hdr.msg_namelen));
    }
    if (!real_sendmmsg)
        resolve();
    return real_sendmmsg(fd, msgs, count, flags);
}
