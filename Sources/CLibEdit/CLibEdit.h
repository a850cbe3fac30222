// Swift-callable wrappers around libedit's native histedit API.
//
// Swift cannot call C variadic functions (el_set, el_get, history), and the
// stdin/stdout/stderr globals are not concurrency-safe in Swift 6, so every
// such use goes through one small fixed-signature function here.
// No static variables live in this header: each Swift file that imports it may
// get its own copy of these inline functions.
#ifndef KUBELAB_CLIBEDIT_H
#define KUBELAB_CLIBEDIT_H

#include <histedit.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

typedef char *(*kubelab_prompt_function)(EditLine *);
typedef unsigned char (*kubelab_editor_function)(EditLine *, int);

static inline int kubelab_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// Without this libedit decodes multi-byte input (Chinese) as Latin-1. A `LANG` naming a
// locale that is not installed (zh_CN.UTF-8 on a machine with only C.UTF-8) would leave the
// C locale, where Chinese input is dropped: fall back to a UTF-8 locale that exists.
static inline void kubelab_use_environment_locale(void) {
    if (setlocale(LC_CTYPE, "") != NULL && kubelab_locale_is_utf8()) {
        return;
    }
    const char *fallbacks[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8" };
    for (unsigned index = 0; index < sizeof fallbacks / sizeof fallbacks[0]; index++) {
        if (setlocale(LC_CTYPE, fallbacks[index]) != NULL && kubelab_locale_is_utf8()) {
            return;
        }
    }
    setlocale(LC_CTYPE, "");
}

// Runs `/bin/sh -c command` as a shell runs a foreground job: in a process group of its own
// that owns the terminal, so a full-screen editor can read it; then takes the terminal back
// with its modes as they were. Returns the exit status (128+N for signal N), or -1.
static inline int kubelab_run_in_foreground(const char *command, const char *argument) {
    int terminal = isatty(STDIN_FILENO) ? STDIN_FILENO : -1;
    struct termios modes;
    int haveModes = terminal >= 0 && tcgetattr(terminal, &modes) == 0;
    struct sigaction ignore, oldTTOU;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    // Changing the terminal's process group from the background would stop us otherwise.
    sigaction(SIGTTOU, &ignore, &oldTTOU);
    pid_t child = fork();
    if (child < 0) {
        sigaction(SIGTTOU, &oldTTOU, NULL);
        return -1;
    }
    if (child == 0) {
        // Only async-signal-safe calls between fork and exec.
        setpgid(0, 0);
        if (terminal >= 0) {
            tcsetpgrp(terminal, getpid());
        }
        struct sigaction standard;
        memset(&standard, 0, sizeof standard);
        standard.sa_handler = SIG_DFL;
        sigemptyset(&standard.sa_mask);
        int defaults[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGCHLD };
        for (unsigned index = 0; index < sizeof defaults / sizeof defaults[0]; index++) {
            sigaction(defaults[index], &standard, NULL);
        }
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        char *const arguments[] = { (char *)"/bin/sh", (char *)"-c", (char *)command, (char *)"editor", (char *)argument, NULL };
        execv("/bin/sh", arguments);
        _exit(127);
    }
    setpgid(child, child);
    if (terminal >= 0) {
        tcsetpgrp(terminal, child);
    }
    int status = 0;
    for (;;) {
        pid_t waited = waitpid(child, &status, WUNTRACED);
        if (waited < 0) {
            if (errno == EINTR) continue;
            status = -1;
            break;
        }
        if (WIFSTOPPED(status)) {
            // Stopped by Ctrl-Z or a read before it owned the terminal: it has it now.
            if (terminal >= 0) tcsetpgrp(terminal, child);
            kill(child, SIGCONT);
            continue;
        }
        break;
    }
    if (terminal >= 0) {
        tcsetpgrp(terminal, getpgrp());
        if (haveModes) tcsetattr(terminal, TCSADRAIN, &modes);
    }
    sigaction(SIGTTOU, &oldTTOU, NULL);
    if (status == -1) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

static inline EditLine *kubelab_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int kubelab_el_set_editor(EditLine *el, const char *editor) {
    return el_set(el, EL_EDITOR, editor);
}

// Characters between two `ignore` characters are sent to the terminal but do
// not count toward the prompt's width (colour escapes).
static inline int kubelab_el_set_prompt(EditLine *el, kubelab_prompt_function prompt, char ignore) {
    return el_set(el, EL_PROMPT_ESC, prompt, (int)ignore);
}

static inline int kubelab_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *kubelab_el_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

static inline int kubelab_el_set_history(EditLine *el, History *history_state) {
    return el_set(el, EL_HIST, history, history_state);
}

static inline int kubelab_el_add_function(EditLine *el, const char *name, const char *help,
                                          kubelab_editor_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

static inline int kubelab_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}

// The function libedit reads each character with; NULL restores its own.
static inline int kubelab_el_set_read_function(EditLine *el, el_rfunc_t function) {
    return el_set(el, EL_GETCFN, function);
}

// errno is captured right after el_gets, before Swift code can disturb it.
static inline const char *kubelab_el_gets(EditLine *el, int *count, int *error_number) {
    errno = 0;
    const char *line = el_gets(el, count);
    *error_number = errno;
    return line;
}

// Output that must interleave correctly with libedit's own (buffered) output.
static inline void kubelab_write_output(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

static inline History *kubelab_history_init(int size) {
    History *history_state = history_init();
    if (history_state == NULL) {
        return NULL;
    }
    HistEvent event;
    history(history_state, &event, H_SETSIZE, size);
    history(history_state, &event, H_SETUNIQUE, 1);
    return history_state;
}

static inline int kubelab_history_enter(History *history_state, const char *line) {
    HistEvent event;
    return history(history_state, &event, H_ENTER, line);
}

static inline int kubelab_history_load(History *history_state, const char *path) {
    HistEvent event;
    return history(history_state, &event, H_LOAD, path);
}

static inline int kubelab_history_save(History *history_state, const char *path) {
    HistEvent event;
    return history(history_state, &event, H_SAVE, path);
}

static inline void kubelab_history_clear(History *history_state) {
    HistEvent event;
    history(history_state, &event, H_CLEAR);
}

static inline int kubelab_history_count(History *history_state) {
    HistEvent event;
    if (history(history_state, &event, H_GETSIZE) == -1) {
        return 0;
    }
    return event.num;
}

// libedit numbers history newest first: H_LAST is the oldest entry and H_PREV
// steps toward newer ones.
static inline const char *kubelab_history_oldest(History *history_state) {
    HistEvent event;
    if (history(history_state, &event, H_LAST) == -1) {
        return NULL;
    }
    return event.str;
}

static inline const char *kubelab_history_newer(History *history_state) {
    HistEvent event;
    if (history(history_state, &event, H_PREV) == -1) {
        return NULL;
    }
    return event.str;
}

// No SA_RESTART: a blocking read (el_gets) fails with EINTR, so Ctrl-C can
// cancel the line being edited.
static inline int kubelab_install_interrupt_handler(void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, NULL);
}

// SIGWINCH without SA_RESTART: the read of a key breaks, and the editor redraws for the
// new width before it reads on.
static inline int kubelab_install_resize_handler(void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGWINCH, &action, NULL);
}

// Whether a byte can be read from `fd` without waiting (or reading would report its end).
static inline int kubelab_input_waiting(int fd) {
    struct pollfd descriptor = { .fd = fd, .events = POLLIN, .revents = 0 };
    return poll(&descriptor, 1, 0) != 0;
}

// Columns of the terminal on `fd`, or 0 when it is not a terminal.
static inline int kubelab_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 0;
}

#endif
