// Package xmlfeed opens the XML files French schools receive (the académie's AAF feed, SIECLE
// and STS-Web exports) for streaming: it decodes them to UTF-8 whatever their declaration
// claims, counts lines the way an editor shows them whatever the line endings, and turns a
// syntax error into a located import error. The format packages (aaf, siecle, sts) read tokens
// from the decoder it returns; no file is ever held as a tree.
package xmlfeed
