package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentOpenOfANewStore: several processes opening one new
// database at once (three analyze --save runs) all open it; none fails
// with "database is locked" while another creates the schema.
func TestConcurrentOpenOfANewStore(t *testing.T) {
	for round := 0; round < 30; round++ {
		p := filepath.Join(t.TempDir(), fmt.Sprintf("new%d.db", round))
		var wg sync.WaitGroup
		errs := make(chan error, 6)
		for i := 0; i < 6; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(context.Background(), p)
				if err != nil {
					errs <- err
					return
				}
				s.Close()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("round %d: %v", round, err)
		}
	}
}
