package statute

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ReadFile reads name from fsys through a byte limit of MaxFileSize. The
// stated size is not trusted: a device, a pipe or a file that grows while
// it is read (/dev/zero, a FIFO) is cut off one byte past the limit and
// refused with a positioned error, so no input grows memory past the
// limit.
func ReadFile(fsys fs.FS, name string) ([]byte, error) {
	fh, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return readLimited(fh, name, int64(MaxFileSize))
}

// ReadPath is ReadFile for a path on disk (a file named on the command
// line).
func ReadPath(name string) ([]byte, error) {
	fh, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return readLimited(fh, name, int64(MaxFileSize))
}

func readLimited(r io.Reader, name string, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if int64(len(b)) > limit {
		return nil, TooLarge(name, limit)
	}
	return b, nil
}

// TooLarge is the positioned error for an input past the byte limit.
func TooLarge(name string, limit int64) error {
	var l ErrorList
	l.Add(Pos{File: name, Line: 1}, "%s", tooLargeMsg(limit))
	return l.Err()
}

func tooLargeMsg(limit int64) string {
	return fmt.Sprintf("input is larger than the limit of %d bytes, expected a file of ordinary size (raise the limit with --max-input-bytes)", limit)
}
