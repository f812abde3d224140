package org.jvmbench.common;

/** The 400 body: {@code {"error":"bad parameter","parameter":"items","message":"..."}}. */
public record BadParameterBody(String error, String parameter, String message) {
}
