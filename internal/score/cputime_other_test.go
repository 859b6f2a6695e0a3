//go:build !unix

package score

import "time"

// cpuTime is unavailable here; benchmarks then report wall-clock MB/s only.
func cpuTime() time.Duration { return 0 }
