package dev.toolgate.web.view;

/** The sign-in page; {@code error} is empty when there is nothing to say. */
public record SignInView(String error) {}
