package dev.toolgate.sandbox.finexio;

/** Ids of the data every new {@link FinexioSandbox} starts with, for tests and demo scripts. Amounts are cents. */
public final class FinexioSeed {
    /** Buyer "Northwind Holdings" (internal_id BUY-001). */
    public static final String BUYER_ID = "3f6c1e2a-0b1d-4c8e-9a7f-1b2c3d4e5f01";
    /** Buyer "Contoso Retail Group" (internal_id BUY-002). */
    public static final String SECOND_BUYER_ID = "3f6c1e2a-0b1d-4c8e-9a7f-1b2c3d4e5f02";
    /** Supplier "Acme Paper Co." (ACH, internal_id SUP-ACME); its history shows a switch from PrintedCheck to ACH. */
    public static final String SUPPLIER_ID = "3f6c1e2a-0b1d-4c8e-9a7f-1b2c3d4e5f11";
    /** Supplier "Bluebird Janitorial" (PrintedCheck, internal_id SUP-BLUEBIRD). */
    public static final String CHECK_SUPPLIER_ID = "3f6c1e2a-0b1d-4c8e-9a7f-1b2c3d4e5f12";
    /** Supplier "Delta Office Furniture" (Card, internal_id SUP-DELTA). */
    public static final String CARD_SUPPLIER_ID = "3f6c1e2a-0b1d-4c8e-9a7f-1b2c3d4e5f13";

    /** Received drawdown of {@link #BUYER_ID} funding three payments, two of them checks with images. */
    public static final String DRAWDOWN_WITH_IMAGES_ID = "pr_20260115_0001";
    /** Requested drawdown of {@link #SECOND_BUYER_ID} whose payments have no check image yet. */
    public static final String DRAWDOWN_WITHOUT_IMAGES_ID = "pr_20260201_0002";
    /** Drawdown of {@link #BUYER_ID} in error; its only payment was canceled and refunded. */
    public static final String FAILED_DRAWDOWN_ID = "pr_20260203_0003";

    /** Settled check to Bluebird: issued and deposited images. */
    public static final String CHECK_PAYMENT_WITH_IMAGES_ID = "pmt_8c41f0a2d9e70001";
    /** Settled ACH payment to Acme: no image (not a check). */
    public static final String ACH_PAYMENT_ID = "pmt_8c41f0a2d9e70002";
    /** In-progress check to Bluebird: issued image only. */
    public static final String CHECK_PAYMENT_ISSUED_ONLY_ID = "pmt_8c41f0a2d9e70003";
    /** Pending check to Bluebird not printed yet: {@code []} images. */
    public static final String CHECK_PAYMENT_WITHOUT_IMAGE_ID = "pmt_8c41f0a2d9e70004";
    /** Pending card payment to Delta. */
    public static final String CARD_PAYMENT_ID = "pmt_8c41f0a2d9e70005";
    /** Canceled, refunded ACH payment to Acme. */
    public static final String REFUNDED_PAYMENT_ID = "pmt_8c41f0a2d9e70006";

    /** Invoice ACME-1003 of Acme, settled by {@link #ACH_PAYMENT_ID}. */
    public static final String PAID_INVOICE_ID = "inv_5d2e9b7c10a40003";

    private FinexioSeed() {}
}
