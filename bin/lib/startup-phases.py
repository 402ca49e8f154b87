#!/usr/bin/env python3
"""Where a counter server's start goes (issue 32), from the server's own log timestamps (Payara's timeMillis).

Usage: startup-phases.py <server.log> <start epoch seconds> <ready epoch seconds>
Prints one RESULT line per phase (seconds and share of the start to the first page) in the order they happened: a phase
runs from the line that ended the phase before it to the line that marks its own end; a marker that is missing (a
production start seeds nothing) leaves its phase out, and its time goes to the phase that ends next.
"""
import re
import sys

log, start, ready = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
text = re.sub(r'\x1b\[[0-9;]*m', '', open(log, errors='replace').read())
records = [(int(ms) / 1000.0, logger, msg) for logger, ms, msg in
           re.findall(r'\] \[([^\]]+)\] \[tid:[^\]]*\] \[timeMillis: (\d+)\] \[levelValue: \d+\] ([^\n]*)', text)]

# (phase, how its end is recognised: logger suffix and message start)
PHASES = [
    ("jvm_and_payara_boot", "core", "Payara Micro"),                      # "... startup time : Embedded ..."
    ("server_config_security_web", "web", "Virtual server server loaded"),
    ("deployment_scan", "Version", "WELD-000900"),                         # the WAR's classes scanned; Weld starts
    ("cdi_ejb_deploy", "core", "ROOT was successfully deployed"),
    ("flyway", "SchemaMigration", "schema at version"),
    ("demo_staff_and_fees", "FeeSettings", "published fee"),               # the last confirmation line
    ("embedded_ca", "EmbeddedCertificateAuthority", "embedded TEST CA"),
    ("journal_and_receipt_keys", "JournalKey", "journal checkpoint key"),
    ("demo_registry", "RegistryDemoData", "DEMO Bank-Cert"),
    ("notices_daily_run", "CustomerNotices", "daily notices"),
    ("jsf_primefaces_init", "PayaraMicro", "Payara Micro 6"),              # "... ready in N (ms)"
]


def end_of(logger, prefix, last):
    hits = [t for t, lg, m in records if lg.endswith(logger) and m.startswith(prefix)]
    if not hits:
        return None
    return hits[-1] if last else hits[0]


total = ready - start
found = []
for name, logger, prefix in PHASES:
    at = end_of(logger, prefix, last=(name == "demo_staff_and_fees"))
    if at is not None and start <= at <= ready:
        found.append((at, name))
previous = start
for at, name in sorted(found):   # in the order they happened (a production start runs some of them elsewhere)
    print(f"RESULT startup phase_{name}_s={at - previous:.2f} share={100 * (at - previous) / total:.0f} %")
    previous = at
print(f"RESULT startup phase_first_page_s={ready - previous:.2f} share={100 * (ready - previous) / total:.0f} %")
