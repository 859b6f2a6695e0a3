// Package gitrepo reads the history of files in a git repository: the
// commits that touched a file, oldest first, and the file as each commit
// left it. Legislation repositories keep one file per law and one commit
// per reform (the legalize-XX family, bundestag/gesetze), so a file's
// history is the law's versions.
//
// It runs the git program (os/exec) rather than a Go implementation of git:
// the legislation repositories are shared as git bundles, which only git
// reads, and git is one program to install where a Go reader would bring a
// large tree of dependencies for the same three read-only commands (clone
// of a bundle, log, cat-file). When git is missing, Open says so.
//
// It never writes to the repository it reads and never uses the network:
// a bundle is cloned into a temporary directory that Close removes.
//
// Main types: Repo (an opened repository), Commit (one commit that
// touched a file). It imports nothing from this module.
package gitrepo
