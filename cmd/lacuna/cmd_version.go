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
		Long:  "Version prints the tool version, the Go version it was built with and the version of\nthe map in use (--mapping, else the embedded map)." + exitStatusHelp,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.Global.Format == "json" {
				return writeJSON(f.IO.Out, map[string]string{"lacuna": version, "go": runtime.Version(), "map": mapVersion(f)})
			}
			fmt.Fprintf(f.IO.Out, "lacuna %s\ngo %s\nmap %s\n", version, runtime.Version(), mapVersion(f))
			return nil
		},
	}
}

// mapVersion reports the version of the map in use (--mapping or the
// embedded map), or "unknown (…)" when it does not load.
func mapVersion(f *Factory) string {
	m, err := f.Workspace().Map()
	if err != nil {
		return "unknown (the map does not load; run lacuna mapping validate)"
	}
	return m.Version
}
