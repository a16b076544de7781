#!/usr/bin/env python3
"""make fuzz: mutate data/budget.yaml at random (drop, repeat and garble
lines) and run AddressSanitizer builds on each mutant: the program, and the
browser's logic under random keys (tests/fuzz/keys.c).  Every run must end
with status 0, 1 or 2 and no sanitizer report, and a file that does not load
must give exactly one line on stderr.  Failing inputs are kept in build/fuzz/.

Usage: mutate.py [SEED [ITERATIONS]]"""
import os
import random
import subprocess
import sys

BINARY = "build/budget-asan"
CASE = "build/fuzz/case.yaml"
GARBLE = b"0123456789.-:[]{},~ \"'\t\x1b\x00abc&*!|>"
KEYS_BINARY = "build/keys-asan"
RUNS = (["--check"], ["--print=all"],
        ["--print=3", "--compare=" + CASE, "--format=csv"])
KEYS = ["keys"]


def mutate(lines):
    lines = list(lines)
    for _ in range(random.randint(1, 4)):
        i = random.randrange(len(lines))
        op = random.random()
        if op < 0.3:
            del lines[i]
        elif op < 0.5:
            lines.insert(i, random.choice(lines))
        elif op < 0.8 and lines[i]:
            line = bytearray(lines[i])
            line[random.randrange(len(line))] = random.choice(GARBLE)
            lines[i] = bytes(line)
        else:
            lines[i] = lines[i].replace(b".", b"", 1)  # 3676.98 -> 367698
    return b"\n".join(lines)


def wrong(args, proc):
    """Why this run breaks the rules, or None."""
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode not in (0, 1, 2):
        return "exit status %d" % proc.returncode
    if "Sanitizer" in err or "runtime error" in err:
        return err[:400]
    # --compare loads the file twice, so it may report twice.
    if proc.returncode == 2 and args in (RUNS[0], RUNS[1]) and err.count("\n") != 1:
        return "not one line on stderr: " + err[:400]
    return None


def main():
    random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    lines = open("data/budget.yaml", "rb").read().split(b"\n")
    os.makedirs("build/fuzz", exist_ok=True)
    bad = 0
    for _ in range(count):
        data = mutate(lines)
        with open(CASE, "wb") as f:
            f.write(data)
        for args in RUNS + (KEYS,):
            command = [KEYS_BINARY, CASE, str(random.randrange(1 << 30)), "300"] \
                if args is KEYS else [BINARY] + args + [CASE]
            proc = subprocess.run(command, capture_output=True, timeout=60)
            why = wrong(args, proc)
            if why:
                bad += 1
                with open("build/fuzz/bad-%d.yaml" % bad, "wb") as f:
                    f.write(data)
                print("fuzz: build/fuzz/bad-%d.yaml %s: %s" % (bad, " ".join(args), why))
    print("fuzz: %d mutants, %d bad" % (count, bad))
    return 1 if bad else 0


sys.exit(main())
