package org.jvmbench.harness.load;

/** The injector did not finish a run by its deadline; it has been killed. */
public class InjectorHungException extends Exception {
    public InjectorHungException(String message) {
        super(message);
    }
}
