package statute

import "io/fs"

// List returns the paths of the statute files under root, sorted, as Load
// and Scan find them (READMEs, hidden and "_" entries and symbolic links
// skipped), without reading them; the problems of the walk come back as
// Load reports them (shown paths prefixed by name), and an error when root
// itself cannot be read.
func List(fsys fs.FS, root, name string) ([]string, ErrorList, error) {
	if root == "" {
		root = "."
	}
	return walkStatutes(fsys, root, name)
}
