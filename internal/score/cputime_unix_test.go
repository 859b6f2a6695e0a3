//go:build unix

package score

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) this process has used, so that
// benchmarks can report throughput per CPU-second, which stays meaningful
// on a shared, loaded machine where wall-clock figures do not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
