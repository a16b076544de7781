/* Baseline for `make bench`: read YAML files with libyaml's event API and
 * do nothing else, each file whole into memory first as budget reads it.
 * budget's times are reported as ratios to this, measured in the same
 * run.  Usage: yamlscan FILE...; prints the number of events. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static long scan(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	rewind(f);
	unsigned char *text = malloc(size > 0 ? (size_t)size : 1);
	if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		free(text);
		return -1;
	}
	fclose(f);
	yaml_parser_t p;
	yaml_event_t ev;
	long events = 0;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, text, (size_t)size);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev)) {
			events = -1;
			break;
		}
		int done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
		if (done)
			break;
	}
	yaml_parser_delete(&p);
	free(text);
	return events;
}

int main(int argc, char **argv)
{
	long total = 0;
	for (int i = 1; i < argc; i++) {
		long n = scan(argv[i]);
		if (n < 0)
			return 1;
		total += n;
	}
	printf("%ld\n", total);
	return argc > 1 ? 0 : 2;
}
