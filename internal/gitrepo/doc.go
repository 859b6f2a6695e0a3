// Package gitrepo reads the history of files in a git repository: the
// commits that touched a file, oldest first, and the file as each commit
// left it. Legislation repositories keep one file per law and one commit
// per reform (the legalize-XX family, bundestag/gesetze), so a file's
// history is the law's versions.
//
// It reads git's own files with go-git (a Go implementation of git), not
// the git program: a lawyer's laptop may have no git installed, and
// reading a history needs only objects, references and packfiles. A git
// bundle (how the legislation repositories are shared offline) is a list
// of references followed by a packfile; Open reads the list itself and
// unpacks the packfile into a temporary directory that Close removes.
//
// Only go-git's storage and object packages are used, not its Repository
// type: that one links the transports (SSH, HTTP) and their crypto, 2.3 MB
// of a binary that must never talk to a network. Finding the git
// directory (a work tree, a subdirectory of one, a linked work tree, a
// bare repository) is done here, as git does it.
//
// It never writes to the repository it reads and never uses the network.
//
// Main types: Repo (an opened repository), Commit (one commit that
// touched a file). It imports nothing from this module.
package gitrepo
