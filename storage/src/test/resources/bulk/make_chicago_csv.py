#!/usr/bin/env python3
"""Writes a Chicago data-portal "311 Service Requests" CSV export (dataset v6vf-nfxy) with made-up
but realistic rows, in the portal's 39 columns and both of its date forms, for the import's tests
and speed figures.

    python3 make_chicago_csv.py ROWS SEED [--bad] > FILE

--bad mixes in rows the import must reject (one every 20 rows), each with a known reason.
chicago-311-sample.csv (200 rows, seed 311, --bad) was written by this script.
"""
import csv, random, sys
from datetime import datetime, timedelta

COLUMNS = ("SR_NUMBER,SR_TYPE,SR_SHORT_CODE,CREATED_DEPARTMENT,OWNER_DEPARTMENT,STATUS,ORIGIN,"
           "CREATED_DATE,LAST_MODIFIED_DATE,CLOSED_DATE,STREET_ADDRESS,CITY,STATE,ZIP_CODE,"
           "STREET_NUMBER,STREET_DIRECTION,STREET_NAME,STREET_TYPE,DUPLICATE,LEGACY_RECORD,"
           "LEGACY_SR_NUMBER,PARENT_SR_NUMBER,COMMUNITY_AREA,WARD,ELECTRICAL_DISTRICT,"
           "ELECTRICITY_GRID,POLICE_SECTOR,POLICE_DISTRICT,POLICE_BEAT,PRECINCT,"
           "SANITATION_DIVISION_DAYS,CREATED_HOUR,CREATED_DAY_OF_WEEK,CREATED_MONTH,"
           "X_COORDINATE,Y_COORDINATE,LATITUDE,LONGITUDE,LOCATION").split(",")

SERVICES = [
    ("SFD", "Street Light Out Complaint", "CDOT - Department of Transportation", 12),
    ("PHF", "Pothole in Street Complaint", "CDOT - Department of Transportation", 10),
    ("SGA", "Rodent Baiting/Rat Complaint", "Streets and Sanitation", 9),
    ("GRAF", "Graffiti Removal Request", "Streets and Sanitation", 8),
    ("SIE", "Garbage Cart Maintenance", "Streets and Sanitation", 7),
    ("SCB", "Sanitation Code Violation", "Streets and Sanitation", 6),
    ("SKA", "Abandoned Vehicle Complaint", "Streets and Sanitation", 5),
    ("SEL", "Tree Debris Clean-Up Request", "Streets and Sanitation", 4),
    ("AAE", "Water On Street Complaint", "DWM - Department of Water Management", 2),
    ("SCP", "Weed Removal Request", "Streets and Sanitation", 2),       # not in the demo catalog
    ("AVN", "Aircraft Noise Complaint", "Aviation", 2),                 # not in the demo catalog
]
ORIGINS = [("Phone Call", 45), ("Internet", 20), ("Mobile Device", 25), ("Mass Entry", 6),
           ("Alderman's Office", 3), ("E-Mail", 1)]
STREETS = [("N", "STATE", "ST"), ("W", "MADISON", "ST"), ("S", "HALSTED", "ST"),
           ("N", "MILWAUKEE", "AVE"), ("W", "79TH", "ST"), ("S", "ASHLAND", "AVE"),
           ("N", "CLARK", "ST"), ("W", "FULLERTON", "AVE")]


def portal_date(rng, value):
    if value is None:
        return ""
    if rng.random() < 0.5:
        return value.strftime("%Y-%m-%dT%H:%M:%S.000")
    return value.strftime("%m/%d/%Y %I:%M:%S %p")


def row(rng, n):
    code, name, dept, _ = rng.choices(SERVICES, weights=[s[3] for s in SERVICES])[0]
    created = datetime(2019, 1, 1) + timedelta(seconds=rng.randrange(5 * 365 * 86400))
    status = rng.choices(["Completed", "Open", "Canceled"], weights=[80, 15, 5])[0]
    closed = created + timedelta(seconds=rng.randrange(60, 30 * 86400)) if status != "Open" else None
    modified = (closed or created) + timedelta(seconds=rng.randrange(0, 3600))
    direction, street, kind = rng.choice(STREETS)
    number = rng.randrange(1, 12000)
    lat = round(41.65 + rng.random() * 0.36, 9)
    lon = round(-87.93 + rng.random() * 0.40, 9)
    located = rng.random() < 0.95
    duplicate = rng.random() < 0.03 and n > 1
    values = {
        "SR_NUMBER": "SR%02d-%08d" % (created.year % 100, 1000000 + n),
        "SR_TYPE": name, "SR_SHORT_CODE": code, "CREATED_DEPARTMENT": "",
        "OWNER_DEPARTMENT": dept, "STATUS": status,
        "ORIGIN": rng.choices([o[0] for o in ORIGINS], weights=[o[1] for o in ORIGINS])[0],
        "CREATED_DATE": portal_date(rng, created), "LAST_MODIFIED_DATE": portal_date(rng, modified),
        "CLOSED_DATE": portal_date(rng, closed),
        "STREET_ADDRESS": "%d %s %s %s" % (number, direction, street, kind),
        "CITY": "Chicago", "STATE": "IL", "ZIP_CODE": str(rng.randrange(60601, 60661)),
        "STREET_NUMBER": str(number), "STREET_DIRECTION": direction, "STREET_NAME": street,
        "STREET_TYPE": kind, "DUPLICATE": "true" if duplicate else "false",
        "LEGACY_RECORD": "false", "LEGACY_SR_NUMBER": "",
        "PARENT_SR_NUMBER": "SR%02d-%08d" % (created.year % 100, 1000000 + n - 1) if duplicate else "",
        "COMMUNITY_AREA": str(rng.randrange(1, 78)), "WARD": str(rng.randrange(1, 51)),
        "ELECTRICAL_DISTRICT": "", "ELECTRICITY_GRID": "", "POLICE_SECTOR": str(rng.randrange(1, 6)),
        "POLICE_DISTRICT": str(rng.randrange(1, 26)), "POLICE_BEAT": str(rng.randrange(111, 2535)),
        "PRECINCT": str(rng.randrange(1, 70)), "SANITATION_DIVISION_DAYS": "",
        "CREATED_HOUR": str(created.hour), "CREATED_DAY_OF_WEEK": str(created.isoweekday() % 7 + 1),
        "CREATED_MONTH": str(created.month),
        "X_COORDINATE": "%.1f" % (1100000 + rng.random() * 100000) if located else "",
        "Y_COORDINATE": "%.1f" % (1800000 + rng.random() * 150000) if located else "",
        "LATITUDE": repr(lat) if located else "", "LONGITUDE": repr(lon) if located else "",
        "LOCATION": "(%r, %r)" % (lat, lon) if located else "",
    }
    return values


BAD = [
    ("CREATED_DATE", "yesterday"),
    ("LATITUDE", "95.5"),
    ("SR_NUMBER", ""),
    ("STATUS", "Pending"),
    ("CLOSED_DATE", "13/45/2020 10:00:00 AM"),
    ("LONGITUDE", ""),        # latitude without longitude
    ("DUPLICATE", "maybe"),
    (None, "extra column"),   # one field too many
]


def main():
    rows, seed = int(sys.argv[1]), int(sys.argv[2])
    bad = "--bad" in sys.argv
    rng = random.Random(seed)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(COLUMNS)
    for n in range(1, rows + 1):
        values = row(rng, n)
        fields = [values[c] for c in COLUMNS]
        if bad and n % 20 == 7:
            column, value = BAD[(n // 20) % len(BAD)]
            if column is None:
                fields.append(value)
            else:
                fields[COLUMNS.index(column)] = value
        if bad and n == 50:
            fields[COLUMNS.index("STREET_ADDRESS")] = "100 N STATE ST\nREAR, \"B\" UNIT"
        out.writerow(fields)


main()
