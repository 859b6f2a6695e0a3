package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
)

func newCmdVersion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the tool version, Go version and map version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(f.IO.Out, "lacuna %s\ngo %s\nmap %s\n", version, runtime.Version(), mapVersion(f))
			return nil
		},
	}
}

// mapVersion reports the version of the map in use; the standards package
// fills this in once the map loads.
func mapVersion(f *Factory) string { return "unknown" }
