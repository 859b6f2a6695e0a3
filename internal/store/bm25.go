package store

// The ranking function lacuna_bm25 (and lacuna_version_of, which keeps a
// query's rows to the versions searched) is written in C and registered with
// SQLite's auto-extension mechanism, so that every connection the driver
// opens has it. A query at 200 countries ranks tens of thousands of rows;
// as a Go function (mattn's RegisterFunc) each row cost a cgo callback, a
// copy of each argument and a reflect.Value.Call: more than the rest of
// the query. The C function computes exactly what rankBM25 (the Go
// reference, in bm25_test.go) computes, in the same order of operations;
// TestBM25MatchesGo checks the two agree.
//
// The prototypes are declared here rather than included: sqlite3.h is not
// on the include path (mattn compiles the amalgamation in its own package),
// and the symbols are resolved at link time from mattn's objects (or the
// system library with its libsqlite3 build tag).

/*
#cgo LDFLAGS: -lm
// no fused multiply-add (a machine with one would round differently)
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
#include <math.h>
#include <stdint.h>
#include <string.h>

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;

int sqlite3_create_function_v2(sqlite3*, const char*, int, int, void*,
	void (*)(sqlite3_context*, int, sqlite3_value**),
	void (*)(sqlite3_context*, int, sqlite3_value**),
	void (*)(sqlite3_context*), void (*)(void*));
int sqlite3_auto_extension(void (*)(void));
const void *sqlite3_value_blob(sqlite3_value*);
int sqlite3_value_bytes(sqlite3_value*);
long long sqlite3_value_int64(sqlite3_value*);
double sqlite3_value_double(sqlite3_value*);
void sqlite3_result_double(sqlite3_context*, double);
void sqlite3_result_int64(sqlite3_context*, long long);

// lacuna_log is Go's math.Log (FreeBSD's e_log.c, as Go's math/log.go
// and its amd64 assembly compute it), for arguments above 1: the C
// library's log may round differently, and a rank must not depend on the
// C library or the machine.
static double lacuna_log(double x) {
	const double Ln2Hi = 6.93147180369123816490e-01;
	const double Ln2Lo = 1.90821492927058770002e-10;
	const double L1 = 6.666666666666735130e-01;
	const double L2 = 3.999999999940941908e-01;
	const double L3 = 2.857142874366239149e-01;
	const double L4 = 2.222219843214978396e-01;
	const double L5 = 1.818357216161805012e-01;
	const double L6 = 1.531383769920937332e-01;
	const double L7 = 1.479819860511658591e-01;
	if (!(x > 0) || isinf(x)) {
		return log(x); // never for a rank (x > 1)
	}
	int ki;
	double f1 = frexp(x, &ki);
	if (f1 < 7.07106781186547524401e-01) { // Sqrt2/2
		f1 *= 2;
		ki--;
	}
	double f = f1 - 1;
	double k = (double)ki;
	double s = f / (2 + f);
	double s2 = s * s;
	double s4 = s2 * s2;
	double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
	double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
	double R = t1 + t2;
	double hfsq = (0.5 * f) * f;
	return k * Ln2Hi - ((hfsq - (s * (hfsq + R) + k * Ln2Lo)) - f);
}

#define LACUNA_SQLITE_UTF8 1
#define LACUNA_SQLITE_DETERMINISTIC 0x000000800

// lacuna_bm25(info, hlen, tlen, avgH, avgT): Okapi BM25 summed over
// phrases and columns from FTS4 matchinfo 'pcnx' (see rankBM25).
static void lacuna_bm25(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
	static const double weight[2] = {2, 1};
	static const double bnorm[2] = {0, 0.75};
	const double k1 = 1.2;
	if (argc != 5) {
		sqlite3_result_double(ctx, 0);
		return;
	}
	const unsigned char *info = sqlite3_value_blob(argv[0]);
	long long n = sqlite3_value_bytes(argv[0]);
	if (info == 0 || n % 4 != 0 || n < 12) {
		sqlite3_result_double(ctx, 0);
		return;
	}
	uint32_t h[3];
	memcpy(h, info, 12);
	long long nPhrase = h[0], nCol = h[1];
	double nRows = (double)h[2];
	if (n / 4 < 3 + nPhrase * nCol * 3) {
		sqlite3_result_double(ctx, 0);
		return;
	}
	double length[2], avg[2];
	length[0] = (double)sqlite3_value_int64(argv[1]);
	length[1] = (double)sqlite3_value_int64(argv[2]);
	avg[0] = sqlite3_value_double(argv[3]);
	avg[1] = sqlite3_value_double(argv[4]);
	double score = 0;
	for (long long p = 0; p < nPhrase; p++) {
		for (long long c = 0; c < nCol; c++) {
			uint32_t x[3];
			memcpy(x, info + (3 + (p * nCol + c) * 3) * 4, 12);
			double tf = (double)x[0], docs = (double)x[2];
			if (tf == 0) {
				continue;
			}
			double idf = lacuna_log(1 + (nRows - docs + 0.5) / (docs + 0.5));
			double w = 1.0, b = 0.75;
			if (c < 2) {
				w = weight[c];
				b = bnorm[c];
			}
			double norm = 1.0;
			if (c < 2 && avg[c] > 0) {
				norm = (1 - b) + (b * length[c]) / avg[c];
			}
			score += (((w * idf) * tf) * 2.2) / (tf + k1 * norm); // 2.2 = k1 + 1
		}
	}
	sqlite3_result_double(ctx, score);
}

// lacuna_le64 reads a little-endian int64 (the byte order Go writes).
static long long lacuna_le64(const unsigned char *b) {
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--) {
		v = (v << 8) | b[i];
	}
	return (long long)v;
}

// lacuna_version_of(ranges, docid): the tie-break key of the searched
// version whose docids hold docid, or NULL when no searched version does.
// ranges is a blob of (first, last, key) little-endian int64 triples,
// sorted by first and not overlapping (versionRanges in search.go): a
// binary search per matched row, so that rows of versions not searched
// are dropped before their search_rows record is read.
static void lacuna_version_of(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
	if (argc != 2) {
		return;
	}
	const unsigned char *r = sqlite3_value_blob(argv[0]);
	long long n = sqlite3_value_bytes(argv[0]) / 24;
	long long docid = sqlite3_value_int64(argv[1]);
	if (r == 0) {
		return;
	}
	long long lo = 0, hi = n; // the first range with first > docid is at hi
	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;
		if (lacuna_le64(r + mid * 24) <= docid) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo == 0) {
		return;
	}
	const unsigned char *t = r + (lo - 1) * 24;
	if (docid <= lacuna_le64(t + 8)) {
		sqlite3_result_int64(ctx, lacuna_le64(t + 16));
	}
}

static int lacuna_bm25_init(sqlite3 *db, char **err, const void *api) {
	int rc = sqlite3_create_function_v2(db, "lacuna_bm25", 5,
		LACUNA_SQLITE_UTF8 | LACUNA_SQLITE_DETERMINISTIC, 0, lacuna_bm25, 0, 0, 0);
	if (rc != 0) {
		return rc;
	}
	return sqlite3_create_function_v2(db, "lacuna_version_of", 2,
		LACUNA_SQLITE_UTF8 | LACUNA_SQLITE_DETERMINISTIC, 0, lacuna_version_of, 0, 0, 0);
}

static int lacuna_bm25_register(void) {
	return sqlite3_auto_extension((void (*)(void))lacuna_bm25_init);
}
*/
import "C"

import "fmt"

// registerBM25 makes lacuna_bm25 part of every connection opened from now
// on (once per process; sqlite3_auto_extension ignores a repeat).
func registerBM25() error {
	if rc := C.lacuna_bm25_register(); rc != 0 {
		return fmt.Errorf("register ranking function: sqlite error %d", int(rc))
	}
	return nil
}
