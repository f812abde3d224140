package org.jvmbench.harness.cli;

public final class BenchMain {
    public static void main(String[] args) {
        System.out.println("usage: ./bench ...");
    }
}
