/* msg.h: every word the program says, in English and Chinese.  One
 * catalogue (messages.def, an X-macro of id, English, Chinese, as keys.h
 * lists the keys); the language is chosen once per run from the locale
 * (LC_ALL, LC_MESSAGES, LANG: zh* is Chinese).  A message with printf
 * conversions has the same conversions, in the same order, in both
 * languages (tests/unit/test_msg.c checks).  The document's own names and
 * titles are data and never pass through here. */
#ifndef BUDGET_MSG_H
#define BUDGET_MSG_H

#include <stdbool.h>

enum msg_id {
#define X(id, en, zh) M_##id,
#include "doc/messages.def"
#undef X
	M_COUNT
};

/* Speak Chinese (or English) from now on. */
void msg_set_chinese(bool zh);
bool msg_is_chinese(void);
/* Does the locale ask for Chinese? */
bool msg_locale_is_chinese(void);

/* The message in the run's language. */
const char *msg(enum msg_id id);
/* The message in a given language (for the tests). */
const char *msg_in(enum msg_id id, bool chinese);

#endif
