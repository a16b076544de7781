/* browser.c: the one file that talks to the terminal.  It reads keys and
 * mouse events, hands them to the view as keys.h codes, and copies the
 * grid draw.c fills to the screen with the theme's attributes. */
#define _XOPEN_SOURCE_EXTENDED 1	/* the wide-character curses calls */

#include "browser.h"

#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "browse/draw.h"
#include "browse/grid.h"
#include "browse/keys.h"
#include "browse/view.h"
#include "doc/msg.h"
#include "doc/text.h"
#include "doc/util.h"


/* ---- theme ------------------------------------------------------------------ */

struct theme {
	short fg, bg;		/* -1: the terminal's default */
	attr_t attr;		/* with colours */
	attr_t mono;		/* without */
};

static const struct theme theme[SS_COUNT] = {
	[STYLE_PLAIN]	= { -1, -1, A_NORMAL, A_NORMAL },
	[STYLE_TITLE]	= { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[STYLE_META]	= { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[STYLE_HEADING]	= { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[STYLE_RULE]	= { -1, -1, A_NORMAL, A_NORMAL },
	[STYLE_ROW]	= { -1, -1, A_NORMAL, A_NORMAL },
	[STYLE_TOTAL]	= { -1, -1, A_BOLD, A_BOLD },
	[STYLE_TEXT]	= { -1, -1, A_NORMAL, A_NORMAL },
	[STYLE_WARN]	= { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[SS_BAR]	= { COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL },
	[SS_PANE_TITLE]	= { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[SS_PANE_FOCUS]	= { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[SS_STATUS]	= { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[SS_MESSAGE]	= { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[SS_PROMPT]	= { -1, -1, A_NORMAL, A_NORMAL },
	[SS_BORDER]	= { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
};

static bool use_color;

static void theme_init(enum color_mode mode)
{
	const char *no_color = getenv("NO_COLOR");
	use_color = has_colors() && mode != COLOR_NEVER &&
		    (mode == COLOR_ALWAYS || !no_color || !*no_color);
	if (!use_color)
		return;
	start_color();
	bool defaults = use_default_colors() == OK;
	for (int s = 0; s < SS_COUNT; s++) {
		short fg = theme[s].fg, bg = theme[s].bg;
		if (s + 1 >= COLOR_PAIRS)
			break;
		if (!defaults) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		init_pair((short)(s + 1), fg, bg);
	}
}

static attr_t cell_attr(const struct grid_cell *c)
{
	const struct theme *t = &theme[c->style < SS_COUNT ? c->style : 0];
	attr_t a = use_color ? t->attr : t->mono;
	if (use_color && c->style + 1 < COLOR_PAIRS)
		a |= COLOR_PAIR(c->style + 1);
	if (c->flags & CELL_SELECTED)
		a = (a & ~A_REVERSE) | A_REVERSE | (use_color ? A_BOLD : 0);
	else if (c->flags & CELL_SELECTED_DIM)
		a |= A_UNDERLINE;
	/* A search hit stands out, in colour or not. */
	if (c->flags & CELL_MATCH)
		a = (a & ~A_COLOR) | A_STANDOUT | A_BOLD |
		    (use_color ? COLOR_PAIR(SS_MESSAGE + 1) : 0);
	return a;
}

/* ---- terminal ----------------------------------------------------------------- */

/* The longest wait for a key.  A signal that lands after the loop looked
 * at `caught` but before the read began does not interrupt that read; the
 * wait ending is what lets the loop see it. */
#define KEY_WAIT_MS 200

static SCREEN *screen;
static FILE *tty_in;
static volatile sig_atomic_t caught;

/* Leave curses: on every way out, including util_fail and fatal signals. */
static void restore_terminal(void)
{
	if (screen) {
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	if (tty_in) {
		fclose(tty_in);
		tty_in = NULL;
	}
}

/* Signals the loop stops for: the read waiting for a key returns. */
static void on_signal(int sig)
{
	caught = sig;
}

/* Signals that would end the program at once (a crash): the terminal is
 * restored, then the program dies of the signal as it would have. */
static void on_fatal(int sig)
{
	if (screen)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_signals(void)
{
	static const int stop[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2,
				    SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ };
	static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP,
				     SIGSYS };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the read waiting for a key returns at once. */
	sa.sa_handler = on_signal;
	for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
		sigaction(stop[i], &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
	/* A closed pipe or socket is an error to report, not a death. */
	signal(SIGPIPE, SIG_IGN);
}

/* Is this a terminal the browser can draw on: one that can move the
 * cursor?  TERM=dumb cannot. */
static bool usable_terminal(void)
{
	char cup[] = "cup";
	const char *s = tigetstr(cup);
	return s && s != (const char *)-1;
}

static bool start_curses(const struct browser_options *opt)
{
	FILE *in = stdin;
	if (!isatty(STDIN_FILENO)) {
		/* The document came on standard input: keys come from the tty. */
		tty_in = fopen("/dev/tty", "r");
		if (!tty_in)
			return false;
		in = tty_in;
	}
	screen = newterm(NULL, stdout, in);
	if (!screen)
		return false;
	set_term(screen);
	if (!usable_terminal()) {
		restore_terminal();
		return false;
	}
	util_fail_hook = restore_terminal;
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(KEY_WAIT_MS);
	curs_set(0);
	theme_init(opt->color);
	if (opt->mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	return true;
}

/* Copy the grid to the screen. */
static void blit(const struct grid *g)
{
	for (int y = 0; y < g->rows && y < LINES; y++) {
		move(y, 0);
		for (int x = 0; x < g->cols && x < COLS; x++) {
			const struct grid_cell *c = &g->cells[y * g->cols + x];
			if (c->width == 0)
				continue;
			attrset(cell_attr(c));
			addstr(c->text);
		}
	}
	attrset(A_NORMAL);
	if (g->cursor_x >= 0) {
		move(g->cursor_y, g->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

/* Has the terminal gone away (hung up, closed)?  Asked when no key came. */
static bool terminal_gone(void)
{
	struct pollfd p = { .fd = tty_in ? fileno(tty_in) : STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* A curses key as a keys.h code, or -1. */
static int translate(int kind, wint_t ch)
{
	if (kind == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return K_UP;
		case KEY_DOWN: return K_DOWN;
		case KEY_LEFT: return K_LEFT;
		case KEY_RIGHT: return K_RIGHT;
		case KEY_PPAGE: return K_PGUP;
		case KEY_NPAGE: return K_PGDN;
		case KEY_HOME: return K_HOME;
		case KEY_END: return K_END;
		case KEY_ENTER: return K_ENTER;
		case KEY_BTAB: return K_BTAB;
		case KEY_BACKSPACE: return K_BACKSPACE;
		case KEY_DC: return K_DELETE;
		case KEY_F(1): return K_F1;
		default: return -1;
		}
	}
	switch (ch) {
	case '\r': case '\n': return K_ENTER;
	case '\t': return K_TAB;
	case 127: case 8: return K_BACKSPACE;
	case 27: return K_ESC;
	default: return (int)ch;
	}
}

static int mouse(struct view *v)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return 0;
	if (ev.bstate & BUTTON4_PRESSED)
		return view_mouse(v, MOUSE_WHEEL_UP, ev.x, ev.y);
	if (ev.bstate & BUTTON5_PRESSED)
		return view_mouse(v, MOUSE_WHEEL_DOWN, ev.x, ev.y);
	if (ev.bstate & BUTTON1_PRESSED)
		return view_mouse(v, MOUSE_CLICK, ev.x, ev.y);
	return 0;
}

bool browser_parse_color(const char *s, enum color_mode *out)
{
	if (strcmp(s, "auto") == 0)
		*out = COLOR_AUTO;
	else if (strcmp(s, "always") == 0)
		*out = COLOR_ALWAYS;
	else if (strcmp(s, "never") == 0)
		*out = COLOR_NEVER;
	else
		return false;
	return true;
}

static void view_options_of(const struct browser_options *opt, struct view_options *vo)
{
	memset(vo, 0, sizeof *vo);
	vo->no_utf8 = !text_init();
	vo->compare = opt->compare;
	vo->column = opt->column;
}

static int run(struct view *v, const struct browser_options *opt);

int browser_run(struct document *doc, struct document *old,
		const struct browser_options *opt)
{
	struct view_options vo;
	view_options_of(opt, &vo);
	return run(view_new(doc, old, &vo), opt);
}

int browser_run_set(struct docset *set, struct document *city,
		    const struct browser_options *opt)
{
	struct view_options vo;
	view_options_of(opt, &vo);
	struct docset *own = xmalloc(sizeof *own);
	*own = *set;
	return run(view_new_set(own, city, &vo), opt);
}

/* The browser on view v until the user quits; v is freed. */
static int run(struct view *v, const struct browser_options *opt)
{
	struct grid g = { 0 };
	int status = 0;
	bool redraw = true;

	catch_signals();
	if (!start_curses(opt)) {
		const char *term = getenv("TERM");
		fprintf(stderr, msg(M_BROWSER_NO_TERMINAL), term ? term : "");
		fputc('\n', stderr);
		restore_terminal();
		view_free(v);
		return 1;
	}
	view_resize(v, COLS, LINES);
	for (;;) {
		if (redraw) {
			draw_view(v, &g);
			blit(&g);
		}
		redraw = false;
		wint_t ch;
		int kind = get_wch(&ch);
		if (caught == SIGINT && v->prompt.kind) {
			/* ^C in the : and / prompts cancels the prompt. */
			caught = 0;
			view_cancel_prompt(v);
			redraw = true;
			continue;
		}
		if (caught) {
			status = 128 + caught;
			break;
		}
		/* No key: the wait ended, or a signal we do not stop for cut it
		 * short; or the terminal went away, whether or not SIGHUP came. */
		if (kind == ERR && terminal_gone()) {
			status = 128 + SIGHUP;
			break;
		}
		if (kind == ERR)
			continue;
		redraw = true;
		if (kind == KEY_CODE_YES && ch == KEY_RESIZE) {
			view_resize(v, COLS, LINES);
			continue;
		}
		if (kind == KEY_CODE_YES && ch == KEY_MOUSE) {
			redraw = mouse(v) != 0;
			continue;
		}
		int key = translate(kind, ch);
		if (key == K_CTRL('l'))
			clearok(curscr, TRUE);
		int flags = key >= 0 ? view_key(v, key) : 0;
		if (flags & VIEW_QUIT)
			break;
		redraw = (flags & VIEW_REDRAW) || key == K_CTRL('l');
	}
	restore_terminal();
	util_fail_hook = NULL;
	int sig = caught;
	grid_free(&g);
	view_free(v);
	/* A signal that ends a program dies of it once the terminal is back,
	 * except those whose end is ours to report. */
	if (sig && sig != SIGINT && sig != SIGTERM && sig != SIGHUP && sig != SIGQUIT) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return status;
}
