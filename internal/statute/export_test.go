package statute

// CPUTime is cpuTime for the external test package (speed_test.go).
var CPUTime = cpuTime
