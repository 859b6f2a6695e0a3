package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lacuna-project/lacuna/internal/workspace"
)

// Exit codes, listed under EXIT STATUS in every command's help.
const (
	exitOK       = 0
	exitFindings = 1 // findings at or above --fail-on, or a regression
	exitInput    = 2 // bad usage or bad input
	exitOther    = 3 // I/O, database and other failures
)

const exitStatusHelp = `

EXIT STATUS
  0  success
  1  findings at or above --fail-on, or a regression (where the command has such a check)
  2  bad usage or bad input (a malformed statute, map, overrides or flag)
  3  other failures (I/O, database, rendering)`

// usageError marks bad flags or arguments (exit 2).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// inputError marks bad input files (exit 2).
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

// exitError carries a specific exit code with an optional message.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// cliError turns the workspace's typed errors about configuration into
// the CLI's: a missing directory names its flag (--corpus, --mapping,
// --mapping-extra, --instruments, --templates) and a store needed with no
// location names the settings that give one. Both are usage errors.
func cliError(err error) error {
	var de *workspace.DirError
	switch {
	case errors.As(err, &de):
		if de.NotDir {
			return usageErrorf("--%s %s: not a directory, expected a directory", de.What, de.Dir)
		}
		return usageErrorf("--%s %s: no such directory", de.What, de.Dir)
	case errors.Is(err, workspace.ErrNoStore):
		return errNoDB
	}
	return err
}

// checkDir reports a directory flag that names no directory (exit 2).
func checkDir(dir, flag string) error {
	return cliError(workspace.CheckDir(dir, strings.TrimPrefix(flag, "--")))
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	err = cliError(err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ue *usageError
	var ie *inputError
	var we *workspace.InputError
	if errors.As(err, &ue) || errors.As(err, &ie) || errors.As(err, &we) {
		return exitInput
	}
	return exitOther
}
