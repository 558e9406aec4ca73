#!/usr/bin/env node
// The documented entry point. The shim itself is CommonJS (bin/clean-article.cjs, which is also
// the package's bin): on Node 20 a CommonJS entry starts about 5 ms sooner than an ES module one.
import './clean-article.cjs';
