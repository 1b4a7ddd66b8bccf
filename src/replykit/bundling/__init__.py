"""RK4xx: anticipated-question bundling — answer price, timing, when and how to pay together."""
