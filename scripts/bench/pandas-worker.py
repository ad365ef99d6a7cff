# Child process of `netnotes bench ingest`: the pandas side. Reads the file with read_csv, takes the
# mean bits per second per stream (the two endpoints and the transfer id) and prints a JSON line.
import json
import resource
import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1], header=None)
means = frame.groupby([1, 2, 3, 4, 5])[8].mean()
print(json.dumps({
    "records": int(len(frame)),
    "groups": int(len(means)),
    "meanOfMeans": float(means.mean()),
    "maxRssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
