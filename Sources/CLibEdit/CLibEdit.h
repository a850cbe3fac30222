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
#include <locale.h>
#include <poll.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*kubelab_prompt_function)(EditLine *);
typedef unsigned char (*kubelab_editor_function)(EditLine *, int);

// Without this libedit decodes multi-byte input (Chinese) as Latin-1.
static inline void kubelab_use_environment_locale(void) {
    setlocale(LC_CTYPE, "");
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
