// An Apache ECharts chart as an element. Canvas renderer and rich-text tooltips: echarts then styles only
// through the DOM (element.style), never through markup with style attributes, which the console's
// Content-Security-Policy (no 'unsafe-inline') would refuse.
import { html } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { ConsoleElement } from './base.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Draws `option` (an echarts option) and draws it again when it changes; `label` is its short description for
 * assistive technology, which reads the text alternative the page places beside it.
 */
export class Chart extends ConsoleElement {
    static properties = { option: { attribute: false }, label: {} };

    render() {
        return html`<div class="chart-canvas" role="img" aria-label=${this.label ?? ''}></div>`;
    }

    updated() {
        if (!this.chart) {
            this.chart = echarts.init(this.querySelector('.chart-canvas'), null, { renderer: 'canvas' });
            this.resizes = new ResizeObserver(() => this.chart.resize());
            this.resizes.observe(this);
        }
        if (this.option) {
            // no animation: a chart is read, not watched, and a screenshot shows it drawn
            this.chart.setOption({ animation: false, tooltip: { renderMode: 'richText' }, ...this.option }, true);
        }
    }

    disconnectedCallback() {
        this.resizes?.disconnect();
        this.chart?.dispose();
        this.chart = undefined;
        super.disconnectedCallback();
    }
}
customElements.define('bwu-chart', Chart);
