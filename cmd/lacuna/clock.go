package main

import (
	"errors"
	"os"
	"time"
)

type timeNow = time.Time

// realNow is the process clock. LACUNA_NOW (RFC 3339) fixes it, so that
// briefings and run IDs are reproducible.
func realNow() time.Time {
	if s := os.Getenv("LACUNA_NOW"); s != "" {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t.UTC()
		}
	}
	return time.Now().UTC()
}

func asExit(err error, target **exitError) bool { return errors.As(err, target) }
