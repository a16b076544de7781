/* msg.c: the message catalogue in the run's language. */
#include "doc/msg.h"

#include <stdlib.h>
#include <string.h>

static const char *const english[M_COUNT] = {
#define X(id, en, zh) [M_##id] = en,
#include "doc/messages.def"
#undef X
};

static const char *const chinese[M_COUNT] = {
#define X(id, en, zh) [M_##id] = zh,
#include "doc/messages.def"
#undef X
};

static bool zh;

void msg_set_chinese(bool on)
{
	zh = on;
}

bool msg_is_chinese(void)
{
	return zh;
}

bool msg_locale_is_chinese(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *s = getenv(vars[i]);
		if (s && *s)
			return strncmp(s, "zh", 2) == 0;
	}
	return false;
}

const char *msg(enum msg_id id)
{
	if ((unsigned)id >= M_COUNT)
		return "";
	return zh ? chinese[id] : english[id];
}

const char *msg_in(enum msg_id id, bool chinese_text)
{
	if ((unsigned)id >= M_COUNT)
		return "";
	return chinese_text ? chinese[id] : english[id];
}
