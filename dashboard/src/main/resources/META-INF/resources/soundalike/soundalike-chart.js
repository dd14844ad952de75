// <soundalike-chart>: a Chart.js chart whose whole configuration arrives as one JSON string in the
// `config` property (set from Java). Plain JS on purpose: a Lit/npm element would make Vaadin run
// npm install, which this project cannot do. The Java side may set `config` before this script
// has defined the element, so a value stored on the bare element is taken over in the constructor.
//
// Besides Chart.js's own options the JSON may carry `soundalike`, read here and never given to
// Chart.js (functions cannot travel in JSON):
//   percentAxis: the id of a logarithmic axis whose values are fractions, labelled as percentages
//                at exactly the values in `ticks`;
//   bandLabel:   datasets with `band: true` (interval bands) are hidden from the legend and tooltip;
//   pointLabels: the tooltip shows each point's `label` field (e.g. a track id and its tags).
// A click on a point fires `point-click` with {datasetIndex, index, id}.
(function () {
  class SoundalikeChart extends HTMLElement {
    constructor() {
      super();
      if (Object.prototype.hasOwnProperty.call(this, 'config')) {
        const early = this.config;
        delete this.config;
        this._config = early;
      }
    }

    get config() {
      return this._config;
    }

    set config(value) {
      this._config = value;
      if (this.isConnected) {
        this._render();
      }
    }

    connectedCallback() {
      if (!this._canvasHolder) {
        this.style.display = 'block';
        this.style.position = 'relative';
        this._canvasHolder = document.createElement('div');
        this._canvasHolder.style.position = 'relative';
        this._canvasHolder.style.width = '100%';
        this._canvasHolder.style.height = this.getAttribute('chart-height') || '320px';
        this.appendChild(this._canvasHolder);
      }
      this._render();
    }

    disconnectedCallback() {
      if (this.chart) {
        this.chart.destroy();
        this.chart = null;
      }
    }

    _render() {
      if (!this._config || !this._canvasHolder) {
        return;
      }
      if (!window.Chart) {
        // Vaadin may run this script before chart.umd.js has finished loading.
        setTimeout(() => this._render(), 50);
        return;
      }
      if (this.chart) {
        this.chart.destroy();
      }
      this._canvasHolder.innerHTML = '';
      const canvas = document.createElement('canvas');
      this._canvasHolder.appendChild(canvas);
      const config = typeof this._config === 'string' ? JSON.parse(this._config) : this._config;
      const extra = config.soundalike || {};
      delete config.soundalike;
      config.options = config.options || {};
      config.options.responsive = true;
      config.options.maintainAspectRatio = false;
      config.options.animation = false;
      config.options.plugins = config.options.plugins || {};
      const plugins = config.options.plugins;
      plugins.legend = plugins.legend || {};
      plugins.legend.labels = plugins.legend.labels || {};
      plugins.legend.labels.filter = (item, data) => !data.datasets[item.datasetIndex].band;
      plugins.tooltip = plugins.tooltip || {};
      plugins.tooltip.filter = (item) => !item.dataset.band;
      if (extra.pointLabels) {
        plugins.tooltip.callbacks = {
          label: (ctx) => (ctx.raw && ctx.raw.label) ? ctx.raw.label : ctx.formattedValue,
        };
      }
      if (extra.percentAxis) {
        const axis = config.options.scales[extra.percentAxis];
        const wanted = extra.ticks || [];
        axis.afterBuildTicks = (scale) => {
          scale.ticks = wanted.map((v) => ({ value: v }));
        };
        axis.ticks = axis.ticks || {};
        axis.ticks.callback = (value) => `${+(value * 100).toPrecision(3)} %`;
      }
      config.options.onClick = (event, elements) => {
        const hit = elements.find((e) => !config.data.datasets[e.datasetIndex].band);
        if (!hit) {
          return;
        }
        const point = config.data.datasets[hit.datasetIndex].data[hit.index];
        this.dispatchEvent(new CustomEvent('point-click', {
          detail: { datasetIndex: hit.datasetIndex, index: hit.index, id: (point && point.id) || '' },
        }));
      };
      this.chart = new window.Chart(canvas, config);
      this.setAttribute('rendered', '');
    }
  }

  if (!customElements.get('soundalike-chart')) {
    customElements.define('soundalike-chart', SoundalikeChart);
  }
})();
