// Package match compiles a requirement's detection criteria once into
// matchers (one implementation per criterion kind: keyword, phrase, near,
// regex, defines, cross-ref) and runs them over an index.Index, producing
// hits that quote the original statute text. It also holds the built-in
// checks written in Go (child age, child without means, consent,
// penalty thresholds, fine alternatives, child aggravation, reflection
// period, non-punishment scope, no movement required) and the extraction of
// penalty facts from offence provisions. Element.Rank orders an element's
// hits so the best proof is quoted first; trafficking words count only as
// trafficking in persons (not drugs, arms or migrant smuggling), and
// AttemptOfOffence tells the attempt of an offence from the attempt of
// another act.
//
// The words the checks read are not Go literals but lexicon classes
// (mapping/lexicon, see docs/lexicon-format.md): the unexported cues
// struct names each class in a `lex` tag and is bound once per compiled
// lexicon (index.Lexicon.Bind), reached from any segment through its
// index. CheckLexicon tells an engine up front that a lexicon lacks a class.
//
// A check explains its outcome with a reason.Reason (a code with
// arguments), never with text; internal/score renders it.
//
// It imports internal/index, internal/statute, internal/standard,
// internal/penalty and internal/reason. Main types: Matcher, Hit, Element,
// Outcome, Fact.
package match
