// Command lacuna finds the gaps between a country's anti-trafficking law and
// the international standards it has signed.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Environ(), defaultIO()))
}
