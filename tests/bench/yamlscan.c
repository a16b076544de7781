/* Baseline for `make bench`: read a YAML file with libyaml's event API and
 * do nothing else.  budget's load-and-print time is reported as a ratio to
 * this, measured in the same run. */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
	if (!f)
		return 2;
	yaml_parser_t p;
	yaml_event_t ev;
	long events = 0;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			return 1;
		int done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
		if (done)
			break;
	}
	yaml_parser_delete(&p);
	fclose(f);
	printf("%ld\n", events);
	return 0;
}
