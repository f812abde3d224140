package org.jvmbench.servlet;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration slice tests find by searching up their package: servlet-common has no
 * application of its own (each engine module has one), so its tests bring this one.
 */
@SpringBootApplication
class SliceTestApp {
}
