package dev.toolgate; public final class Main { public static void main(String[] a){} }
