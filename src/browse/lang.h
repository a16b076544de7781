/* lang.h: the browser's words in English or Chinese. */
#ifndef BUDGET_LANG_H
#define BUDGET_LANG_H

/* en, or cn when zh is set (both string literals, so that a format string
 * stays checkable). */
#define TR(zh, en, cn) ((zh) ? (cn) : (en))

#endif
