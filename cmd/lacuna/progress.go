package main

import (
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/lacuna-project/lacuna/internal/workspace"
)

// newProgress returns a progress callback drawing a bar named label on
// stderr when the output is a terminal (and not --quiet), and a function
// to call once the work is over (it waits for the bar to finish drawing).
// Off a terminal the callback is nil: nothing is drawn.
func newProgress(f *Factory, label string) (workspace.Progress, func()) {
	if !f.IO.IsTTY || f.Global.Quiet {
		return nil, func() {}
	}
	var prog *mpb.Progress
	var bar *mpb.Bar
	cb := func(done, total int) {
		if prog == nil {
			prog = mpb.New(mpb.WithOutput(f.IO.ErrOut), mpb.WithWidth(40))
			bar = prog.AddBar(int64(total),
				mpb.PrependDecorators(decor.Name(label), decor.CountersNoUnit("%d/%d")),
				mpb.AppendDecorators(decor.Percentage()))
		}
		bar.SetCurrent(int64(done))
	}
	return cb, func() {
		if prog != nil {
			prog.Wait()
		}
	}
}
